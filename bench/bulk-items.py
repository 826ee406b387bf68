#!/usr/bin/env python3
"""NDJSON items of a bulk issuance job for bench/bulk-issue.sh: COUNT lines from START, each a distinct person with a
valid resident ID (GB 11643 check character), one claim, the matter MATTER.
Usage: bench/bulk-items.py MATTER START COUNT [PREFIX] > job.ndjson"""
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECKS = "10X98765432"


def resident_id(n):
    # 6-digit region, birth date 1950-01-01 + (n // 1000) days spread over 60 years, 3-digit sequence n % 1000
    import datetime
    day = datetime.date(1950, 1, 1) + datetime.timedelta(days=(n // 1000) % 21900)
    body = "652801" + day.strftime("%Y%m%d") + "%03d" % (n % 1000)
    return body + CHECKS[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]


def main():
    matter, start, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    prefix = sys.argv[4] if len(sys.argv) > 4 else "bench"
    out = sys.stdout
    for n in range(start, start + count):
        out.write('{"itemId":"%s-%d","matterCode":"%s","subject":{"kind":"PERSON","name":"测试%d","id":"%s"},'
                  '"claims":{"户籍地址":"新疆库尔勒市人民东路%d号"},"purpose":"批量开具基准测试"}\n'
                  % (prefix, n, matter, n, resident_id(n), n))


if __name__ == "__main__":
    main()
