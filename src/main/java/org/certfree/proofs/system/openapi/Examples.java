package org.certfree.proofs.system.openapi;

/**
 * Request and response examples of the API document, referenced from the resources' annotations.
 * They are real answers of a demo-mode run (demo departments, holders and keys), so they match the
 * schemas; Redocly's no-invalid-media-type-examples checks that they still do. Where a value is a
 * long JWS, its payload and signatures are shortened to "…".
 *
 * <p>One file on purpose: STYLE.md asks for the examples in one class, and they are data — one text
 * block per operation, read next to each other when an answer's shape changes.
 */
public final class Examples {

    private Examples() {
    }

    /** {@code POST /api/v1/proofs}: a household-registration proof (户籍证明) for 张伟. */
    public static final String ISSUE_PROOF_REQUEST = """
            {
              "matterCode": "BZGAJ-R001",
              "subject": {
                "kind": "PERSON",
                "name": "张伟",
                "id": "652801199003151239"
              },
              "claims": {
                "户籍地址": "新疆巴音郭楞蒙古自治州库尔勒市人民东路 12 号",
                "户主": "张伟",
                "与户主关系": "本人"
              },
              "purpose": "办理入学"
            }""";

    /** {@code POST /api/v1/proofs} 201: the issued proof, JWS shortened. */
    public static final String PROOF_ISSUED = """
            {
              "number": "ZM-2026-FDW0-60NC-TBP9-0",
              "verificationCode": "191889",
              "matter": {
                "code": "BZGAJ-R001",
                "version": 1,
                "name": "户籍证明"
              },
              "issuer": {
                "code": "BZGAJ",
                "name": "巴音郭楞蒙古自治州公安局"
              },
              "subject": {
                "kind": "PERSON",
                "name": "张伟",
                "id": "652801199003151239",
                "masked": false
              },
              "claims": {
                "与户主关系": "本人",
                "户主": "张伟",
                "户籍地址": "新疆巴音郭楞蒙古自治州库尔勒市人民东路 12 号"
              },
              "purpose": "办理入学",
              "issuedAt": "2026-11-29T17:18:41.277546111Z",
              "validUntil": "2027-02-27T17:18:41.277546111Z",
              "status": "VALID",
              "statusText": "有效",
              "statusListIndex": 12239,
              "jwsCompact": "eyJ0eXAiOiJjZXJ0ZnJlZS1wcm9vZitzZC1qd3QiLCJpYXQiOjE3OTU5NzI3MjEsImFsZyI6IlNNMlNNMyIsImtpZCI6InZfQm1jRTRfeHlkbWJUbUNSSjZya0dfTkdmODFQOEFvSG9nY3lRSGhYQ2MifQ.eyJfc2RfYWxnIjoic2hhLTI1NiIs….…",
              "jwsJson": "{\\"payload\\":\\"eyJjbGFpbXMiOnsi…\\",\\"signatures\\":[{\\"protected\\":\\"eyJ0eXAiOiJjZXJ0ZnJlZS1wcm9vZitqd3MiLCJpYXQiOjE3OTU5NzI3MjEsImFsZyI6IlNNMlNNMyIsImtpZCI6InZfQm1jRTRfeHlkbWJUbUNSSjZya0dfTkdmODFQOEFvSG9nY3lRSGhYQ2MifQ\\",\\"signature\\":\\"…\\"},{\\"protected\\":\\"eyJ0eXAiOiJjZXJ0ZnJlZS1wcm9vZitqd3MiLCJpYXQiOjE3OTU5NzI3MjEsImFsZyI6IkVkRFNBIiwia2lkIjoiY2tYYVVpTTNjVUZlRUlrVVBGV1lUZW93a2VpZElNU3BYZzlYdXVkYUtiOCJ9\\",\\"signature\\":\\"…\\"}]}",
              "links": {
                "self": "/api/v1/proofs/ZM-2026-FDW0-60NC-TBP9-0",
                "status": "/api/v1/proofs/ZM-2026-FDW0-60NC-TBP9-0/status",
                "qrPng": "/api/v1/proofs/ZM-2026-FDW0-60NC-TBP9-0/qr.png",
                "qrSvg": "/api/v1/proofs/ZM-2026-FDW0-60NC-TBP9-0/qr.svg",
                "pdf": "/api/v1/proofs/ZM-2026-FDW0-60NC-TBP9-0/pdf"
              }
            }""";

    /** {@code POST /api/v1/revocations}: three proofs by number. */
    public static final String BULK_REVOKE_NUMBERS = """
            {
              "numbers": ["ZM-2026-FDW0-60NC-TBP9-0", "ZM-2026-3K7Q-0M2D-8XWA-5", "ZM-2026-T1VE-9RAC-Q5HG-C"],
              "reason": "ISSUED_IN_ERROR",
              "note": "经核查，上述证明因户籍系统数据同步错误而开具，依据巴州公安局〔2026〕12号通知撤销"
            }""";

    /** {@code POST /api/v1/revocations}: a matter's proofs of January 2026. */
    public static final String BULK_REVOKE_MATTER = """
            {
              "matter": {
                "code": "BZGAJ-R001",
                "issuedFrom": "2026-01-01",
                "issuedTo": "2026-01-31"
              },
              "reason": "DATA_CHANGED",
              "note": "行政区划调整，2026年1月开具的户籍证明所载地址已变更，依据巴政发〔2026〕3号撤销"
            }""";

    /** {@code POST /api/v1/revocations}: what a key signed from an instant on. */
    public static final String BULK_REVOKE_KEY = """
            {
              "key": {
                "kid": "v_BmcE4_xydmbTmCRJ6rkG_NGf81P8AoHogcyQHhXCc",
                "from": "2026-11-29T08:00:00+08:00"
              },
              "reason": "KEY_COMPROMISE",
              "note": "签名服务器自11月29日8时起疑似被入侵，该密钥此后签名的证明一律撤销并重新开具"
            }""";

    /** {@code POST /api/v1/revocations}: the answer to the numbers example, one of them under dispute. */
    public static final String BULK_REVOKED = """
            {
              "id": "0c4f3f56-5d0e-4bb8-8d43-8d3f2f61b0a7",
              "preview": false,
              "department": "BZGAJ",
              "selector": "numbers",
              "reason": "ISSUED_IN_ERROR",
              "at": "2026-11-29T17:25:03.120551Z",
              "listed": 3,
              "matched": 3,
              "revoked": 2,
              "alreadyRevoked": 0,
              "superseded": 0,
              "skippedDisputed": 1,
              "notFound": 0,
              "disputedNumbers": ["ZM-2026-T1VE-9RAC-Q5HG-C"],
              "alreadyRevokedNumbers": [],
              "notFoundNumbers": [],
              "statusList": "/api/v1/status-lists/BZGAJ"
            }""";

    /** {@code POST /api/v1/revocations?preview=true}: the matter example, counted. */
    public static final String BULK_REVOKE_PREVIEW = """
            {
              "preview": true,
              "department": "BZGAJ",
              "selector": "matter",
              "reason": "DATA_CHANGED",
              "at": "2026-11-29T17:24:40.902114Z",
              "matched": 3,
              "revoked": 2,
              "alreadyRevoked": 1,
              "superseded": 0,
              "skippedDisputed": 0,
              "sample": ["ZM-2026-3K7Q-0M2D-8XWA-5", "ZM-2026-FDW0-60NC-TBP9-0"],
              "disputedNumbers": [],
              "alreadyRevokedNumbers": ["ZM-2026-T1VE-9RAC-Q5HG-C"]
            }""";

    /** {@code PUT /api/v1/subject-records/{matterCode}}: the public security bureau's data on 张伟. */
    public static final String SUBJECT_RECORD = """
            {
              "subject": {
                "kind": "PERSON",
                "name": "张伟",
                "id": "652801199003151239"
              },
              "claims": {
                "户籍地址": "新疆巴音郭楞蒙古自治州库尔勒市人民东路 12 号",
                "户主": "张伟",
                "与户主关系": "本人"
              }
            }""";

    /** {@code POST /api/v1/proof-requests}: 王芳 asks for her social-insurance proof. */
    public static final String PROOF_REQUEST = """
            {
              "matterCode": "BZRSJ-R001",
              "subject": {
                "kind": "PERSON",
                "name": "王芳",
                "id": "652822199501083066"
              },
              "purpose": "办理商品房购房资格审核"
            }""";

    /** {@code POST /api/v1/proof-requests} by a window clerk for 艾合买提·买买提, present without a phone (代办). */
    public static final String PROOF_REQUEST_AT_WINDOW = """
            {
              "matterCode": "BZRSJ-R001",
              "subject": {
                "kind": "PERSON",
                "name": "艾合买提·买买提",
                "id": "652801197809304514"
              },
              "purpose": "办理退休",
              "assistance": {
                "identityCheck": "ID_CARD_READER",
                "formSha256": "5d41402abc4b2a76b9719d911017c592c1b0e5a1f0d3e5c8a9b7c6d5e4f3a2b1"
              }
            }""";

    /** {@code POST /api/v1/commitments}: 张伟 pledges on the demo address matter (the hash: the template endpoint's). */
    public static final String PLEDGE = """
            {
              "matterCode": "BZSCJGJ-N001",
              "templateHash": "a7af31b0a11bb19a1e661ff6d827b428fd59ff1a4d7998c9bac755fd35c10519",
              "textHash": "6626c22626b12a5592eb2173bb303910512fcd04ef0b740a2af3d5d6d54b5a65",
              "usingUnit": "KELSZWZX",
              "serviceMatter": "个体工商户设立登记",
              "pledger": {
                "kind": "PERSON",
                "name": "张伟",
                "id": "652801199003151239"
              },
              "answers": {
                "address": "库尔勒市人民东路 8 号",
                "useRight": "租赁"
              },
              "accept": true
            }""";

    /** {@code POST /api/v1/commitments} at the Korla window for 艾合买提·买买提, present in person. */
    public static final String PLEDGE_AT_WINDOW = """
            {
              "matterCode": "BZGAJ-N001",
              "templateHash": "2347df1f3edf2cb6de5e28c2be2cfe495c2254f9825535cf51ccffc240e22f32",
              "textHash": "476561a321b7c3abbf7072be255cedadcb6ac7a11a2385749cb3bef97562dc5f",
              "usingUnit": "KELSZWZX",
              "serviceMatter": "投靠子女落户",
              "pledger": {
                "kind": "PERSON",
                "name": "艾合买提·买买提",
                "id": "652801197809304514"
              },
              "answers": {
                "relative": "买买提·艾合买提",
                "relationship": "父子"
              },
              "accept": true,
              "assistance": {
                "identityCheck": "ID_CARD_READER",
                "formSha256": "5d41402abc4b2a76b9719d911017c592c1b0e5a1f0d3e5c8a9b7c6d5e4f3a2b1"
              }
            }""";

    /** {@code POST /api/v1/proof-requests} by 李娜 for 艾合买提·买买提 under an agent authorisation (代办). */
    public static final String PROOF_REQUEST_BY_AGENT = """
            {
              "matterCode": "BZRSJ-R001",
              "subject": {
                "kind": "PERSON",
                "name": "艾合买提·买买提",
                "id": "652801197809304514"
              },
              "purpose": "办理退休",
              "onBehalfOf": "652801197809304514"
            }""";

    /** {@code POST /api/v1/agent-authorisations}: a window puts on file that 李娜 may act for 艾合买提·买买提. */
    public static final String AGENT_AUTHORISATION = """
            {
              "holder": {
                "name": "艾合买提·买买提",
                "id": "652801197809304514"
              },
              "agent": {
                "name": "李娜",
                "id": "65280119850722242X"
              },
              "relationship": "OTHER_RELATIVE",
              "basis": "HOLDER_PRESENT",
              "covers": ["REQUESTS", "CONSENTS"],
              "validUntil": "2027-06-30T16:00:00Z",
              "assistance": {
                "identityCheck": "ID_CARD_READER",
                "formSha256": "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
              }
            }""";

    /** {@code POST /api/v1/proof-requests} 201: accepted, due in one working day (the citizen sees their own request in full). */
    public static final String PROOF_REQUEST_ACCEPTED = """
            {
              "id": "bd610fc0-155e-4eea-9330-4ab98ce41987",
              "matterCode": "BZRSJ-R001",
              "matterVersion": 1,
              "matterName": "社会保险参保缴费证明",
              "issuerDept": "BZRSJ",
              "requesterKind": "CITIZEN",
              "subjectKind": "PERSON",
              "subjectName": "王芳",
              "subjectId": "652822199501083066",
              "subjectMasked": false,
              "purpose": "办理商品房购房资格审核",
              "status": "PENDING",
              "createdAt": "2026-11-29T17:19:20.070763119Z",
              "dueDate": "2026-11-30",
              "version": 0
            }""";

    /** {@code POST /api/v1/verifications}: a window checks number and code, and that the holder is the subject. */
    public static final String VERIFY_BY_NUMBER = """
            {
              "number": "ZM-2026-FDW0-60NC-TBP9-0",
              "code": "191889",
              "purpose": "办理入学",
              "serviceMatter": "义务教育入学登记",
              "holderId": "652801199003151239"
            }""";

    /** {@code POST /api/v1/verifications}: a window checks the scanned QR code. */
    public static final String VERIFY_BY_QR = """
            {
              "qr": "http://localhost:8080/verify?n=ZM-2026-JQP7-6A0G-HRA2-0&c=460808",
              "purpose": "办理购房资格审核",
              "serviceMatter": "商品房购房资格审核"
            }""";

    /** {@code POST /api/v1/verifications} 200: valid, with the issuer-signed receipt. */
    public static final String VERIFICATION_PASSED = """
            {
              "id": "7fbf55aa-c65c-4a43-aa23-d3267b628bc9",
              "indication": "TOTAL_PASSED",
              "indicationUri": "urn:certfree:indication:total-passed",
              "message": "证明真实有效。",
              "proofNumber": "ZM-2026-FDW0-60NC-TBP9-0",
              "proofStatus": "VALID",
              "matterCode": "BZGAJ-R001",
              "matterName": "户籍证明",
              "issuerDept": "BZGAJ",
              "issuerName": "巴音郭楞蒙古自治州公安局",
              "issuedAt": "2026-11-29T17:18:41.277546Z",
              "validUntil": "2027-02-27T17:18:41.277546Z",
              "subjectMatches": true,
              "holderName": "张*",
              "verifiedAt": "2026-11-29T17:50:06.660491227Z",
              "receipt": {
                "payload": "eyJpZCI6IjdmYmY1NWFhLWM2NWMtNGE0My1hYTIzLWQzMjY3YjYyOGJjOSIsImluZGljYXRpb24iOiJ1cm46Y2VydGZyZWU6aW5kaWNhdGlvbjp0b3RhbC1wYXNzZWQiLCJpc3N1ZXJEZXB0IjoiQlpHQUoiLCJwcm9vZk51bWJlciI6IlpNLTIwMjYtRkRXMC02ME5DLVRCUDktMCIsInByb29mU3RhdHVzIjoidXJuOmNlcnRmcmVlOnByb29mLXN0YXR1czp2YWxpZCIsInB1cnBvc2UiOiLlip7nkIblhaXlraYiLCJyZXRyaWV2ZWQiOmZhbHNlLCJzZXJ2aWNlTWF0dGVyIjoi5LmJ5Yqh5pWZ6IKy5YWl5a2m55m76K6wIiwidHlwIjoiY2VydGZyZWUtcmVjZWlwdCIsInVuaXQiOiJLRUxTWldaWCIsInZlcmlmaWVkQXQiOiIyMDI2LTExLTI5VDE3OjUwOjA2LjY2MDQ5MTIyN1oiLCJ2ZXJpZmllciI6ImtlbC13aW5kb3ctMDcifQ",
                "index": 0,
                "path": [],
                "batch": "eyJ0eXAiOiJjZXJ0ZnJlZS1yZWNlaXB0LWJhdGNoK2p3cyIsImlhdCI6MTc5NTk3NDYwNiwiYWxnIjoiU00yU00zIiwia2lkIjoidl9CbWNFNF94eWRtYlRtQ1JKNnJrR19OR2Y4MVA4QW9Ib2djeVFIaFhDYyJ9.eyJpc3N1ZXIiOiJCWkdBSiIsInJvb3QiOiJkOWI3Zjc5Y2Y5N2MyMGEzMjE2MDE5YThkNGNhMjg0YWM3MjIzNzI5NGQ1MThmODUwNDA3NWI0ZmE1YmY5MTBjIiwic2lnbmVkQXQiOiIyMDI2LTExLTI5VDE3OjUwOjA2LjY2NTE5NTg1NVoiLCJzaXplIjoxLCJ0eXAiOiJjZXJ0ZnJlZS1yZWNlaXB0LWJhdGNoIn0.7FEc5PV06wA7yIr0KlGd9Uwb5Q1JnStKiR7zpSsdlvIWj-cnCOa0F0q2yhBmY22SVI9dl-gIDiEWXjZN2s8Qpw"
              }
            }""";

    /** {@code POST /api/v1/verifications} 200: the proof was revoked. */
    public static final String VERIFICATION_REVOKED = """
            {
              "id": "0720a217-2e3f-4b50-9ac1-3d911f9ccd97",
              "indication": "TOTAL_FAILED",
              "indicationUri": "urn:certfree:indication:total-failed",
              "subIndication": "REVOKED",
              "subIndicationUri": "urn:certfree:sub-indication:revoked",
              "message": "证明已被开具部门撤销：信息已变更。",
              "proofNumber": "ZM-2026-JQP7-6A0G-HRA2-0",
              "proofStatus": "REVOKED",
              "matterCode": "BZRSJ-R001",
              "matterName": "社会保险参保缴费证明",
              "issuerDept": "BZRSJ",
              "issuerName": "巴音郭楞蒙古自治州人力资源和社会保障局",
              "issuedAt": "2026-11-29T17:17:58.068988Z",
              "validUntil": "2026-12-29T17:17:58.068988Z",
              "revocationReason": "DATA_CHANGED",
              "holderName": "李*",
              "verifiedAt": "2026-11-29T17:49:51.604858722Z",
              "receipt": {
                "payload": "eyJpZCI6IjA3MjBhMjE3LTJlM2YtNGI1MC05YWMxLTNkOTExZjljY2Q5NyIsImluZGljYXRpb24iOiJ1cm46Y2VydGZyZWU6aW5kaWNhdGlvbjp0b3RhbC1mYWlsZWQiLCJpc3N1ZXJEZXB0IjoiQlpSU0oiLCJwcm9vZk51bWJlciI6IlpNLTIwMjYtSlFQNy02QTBHLUhSQTItMCIsInByb29mU3RhdHVzIjoidXJuOmNlcnRmcmVlOnByb29mLXN0YXR1czpyZXZva2VkIiwicHVycG9zZSI6IuWKnueQhui0reaIv-i1hOagvOWuoeaguCIsInJldHJpZXZlZCI6ZmFsc2UsInNlcnZpY2VNYXR0ZXIiOiLllYblk4HmiL_otK3miL_otYTmoLzlrqHmoLgiLCJzdWJJbmRpY2F0aW9uIjoidXJuOmNlcnRmcmVlOnN1Yi1pbmRpY2F0aW9uOnJldm9rZWQiLCJ0eXAiOiJjZXJ0ZnJlZS1yZWNlaXB0IiwidW5pdCI6IktFTFNaV1pYIiwidmVyaWZpZWRBdCI6IjIwMjYtMTEtMjlUMTc6NDk6NTEuNjA0ODU4NzIyWiIsInZlcmlmaWVyIjoia2VsLXdpbmRvdy0wNyJ9",
                "index": 0,
                "path": [],
                "batch": "eyJ0eXAiOiJjZXJ0ZnJlZS1yZWNlaXB0LWJhdGNoK2p3cyIsImlhdCI6MTc5NTk3NDU5MSwiYWxnIjoiU00yU00zIiwia2lkIjoiV01FSm5UaWMwM092amR3WmRlNFo2bU1BRHZjVG5URDVvTS1jOWtZN0JzbyJ9.eyJpc3N1ZXIiOiJCWlJTSiIsInJvb3QiOiI5NjU2MGE4MmFmNzAxOGE4NjQ3ZjFjMzcxYTM2NTFiNzZmNTU4ZGU5ZTlmNDcwMDYzYTYyMjYyMjExMzI0MzA3Iiwic2lnbmVkQXQiOiIyMDI2LTExLTI5VDE3OjQ5OjUxLjYzMDAzNDAwN1oiLCJzaXplIjoxLCJ0eXAiOiJjZXJ0ZnJlZS1yZWNlaXB0LWJhdGNoIn0.nFNPPz1wR5ffYBSZoBMqeawRHi2bJx9ILQVaQsFd2Xee-Hbk9uUzclJKtuWUyNe79xTQyoQ3QBcn8j04EkbooA"
              }
            }""";

    /** {@code POST /api/v1/verifications/ofd} 422: an OFD sealed under a forged chain with the real names. */
    public static final String OFD_REFUSED = """
            {
              "type": "urn:certfree:problem:unprocessable",
              "title": "Request cannot be processed",
              "status": 422,
              "detail": "签章人证书不能链接到受信任的根证书：C=CN,O=巴中市公安局,CN=巴中市公安局 电子证明签章：No issuer certificate for certificate in certification path found.。",
              "instance": "/api/v1/verifications/ofd"
            }""";

    /** {@code GET /api/v1/proofs/{number}/status} 200. */
    public static final String STATUS_ANSWER = """
            {
              "number": "ZM-2026-FDW0-60NC-TBP9-0",
              "status": "VALID",
              "statusUri": "urn:certfree:proof-status:valid",
              "statusText": "有效",
              "matterName": "户籍证明",
              "issuerName": "巴音郭楞蒙古自治州公安局",
              "issuedAt": "2026-11-29T17:18:41.277546Z",
              "validUntil": "2027-02-27T17:18:41.277546Z",
              "holderName": "张*",
              "checkedAt": "2026-11-29T17:50:06.788175810Z"
            }""";

    /** {@code GET /api/v1/proofs/{number}/status} 404: an unknown number and a wrong code answer alike. */
    public static final String STATUS_NO_MATCH = """
            {
              "type": "urn:certfree:problem:not-found",
              "title": "Not found",
              "status": 404,
              "detail": "没有找到与该证明编号和核验码相符的证明，请核对后重试。",
              "instance": "/api/v1/proofs/ZM-2026-FDW0-60NC-TBP9-0/status"
            }""";

    /** {@code GET /api/v1/lists/retained?q=户籍&size=1} 200. */
    public static final String LIST_PAGE = """
            {
              "kind": "RETAINED",
              "kindUri": "urn:certfree:list-kind:retained",
              "kindLabel": "保留证明事项清单",
              "asOf": "2026-11-29T17:19:07.793Z",
              "logSize": 3,
              "items": [
                {
                  "code": "BZGAJ-R001",
                  "kind": "RETAINED",
                  "version": 1,
                  "name": "户籍证明",
                  "departmentCode": "BZGAJ",
                  "scenarios": [
                    "BIRTH",
                    "SCHOOL_ENROLMENT",
                    "HOUSING",
                    "HOUSEHOLD_REGISTRATION"
                  ],
                  "effectiveSince": "2024-01-31T02:00:00Z",
                  "batchId": 1,
                  "batchNumber": "2024年第1批",
                  "content": {
                    "code": "BZGAJ-R001",
                    "kind": "RETAINED",
                    "name": "户籍证明",
                    "kindUri": "urn:certfree:list-kind:retained",
                    "version": 1,
                    "retained": {
                      "channel": "ONLINE_AND_WINDOW",
                      "timeLimit": {
                        "kind": "IMMEDIATE"
                      },
                      "electronic": true,
                      "legalBases": [
                        {
                          "law": "《中华人民共和国户口登记条例》",
                          "article": "第三条"
                        },
                        {
                          "law": "《中华人民共和国户口登记条例》",
                          "article": "第十七条"
                        }
                      ],
                      "validityDays": 90
                    },
                    "scenarios": [
                      "BIRTH",
                      "SCHOOL_ENROLMENT",
                      "HOUSING",
                      "HOUSEHOLD_REGISTRATION"
                    ],
                    "approvedAt": "2024-01-15T01:30:00.166Z",
                    "approvedBy": "BZSFJ",
                    "department": {
                      "code": "BZGAJ",
                      "name": "巴音郭楞蒙古自治州公安局"
                    },
                    "description": "证明户籍登记事项（姓名、出生日期、户籍地址等）及户籍变动情况。"
                  }
                }
              ],
              "page": 0,
              "size": 1,
              "total": 1,
              "totalExact": true
            }""";

    /** {@code POST /api/v1/publication-batches/{id}/publish}: the version read. */
    public static final String PUBLISH_BATCH = """
            {
              "version": 1
            }""";

    /** {@code POST /api/v1/publication-batches/{id}/publish} 200: published, signed and logged. */
    public static final String BATCH_PUBLISHED = """
            {
              "id": 4,
              "number": "2026年第1批",
              "title": "巴音郭楞蒙古自治州证明事项清单（2026年第1批）",
              "status": "PUBLISHED",
              "authorityCode": "BZSFJ",
              "authorityName": "巴音郭楞蒙古自治州司法局",
              "createdBy": "sfj-review-01",
              "createdAt": "2026-11-29T17:19:06.365935Z",
              "publishedBy": "sfj-review-01",
              "publishedAt": "2026-11-29T17:19:07.793Z",
              "logIndex": 2,
              "previousHash": "c1ab8336e6666048a217b3975ac7c7a7d8cef7ced990f282c8f59e9dd450805f",
              "manifestHash": "047e012658e69fbf4a9fd7dcd703f439d333205b2b05f2525c4c34a395fce3df",
              "signatureStatus": "SIGNED",
              "signature": "{\\"payload\\":\\"eyJhdXRob3JpdHki…\\",\\"signatures\\":[{\\"protected\\":\\"eyJ0eXAiOiJjZXJ0ZnJlZS1iYXRjaC1tYW5pZmVzdCtqd3MiLCJpYXQiOjE3OTU5NzI3NDcsImFsZyI6IlNNMlNNMyIsImtpZCI6ImxITlljSmtwY2VTSjNxX05waXlZc3NrWFFiWThlNEFMQ3BfVGVjLWdfRHMifQ\\",\\"signature\\":\\"…\\"},{\\"protected\\":\\"eyJ0eXAiOiJjZXJ0ZnJlZS1iYXRjaC1tYW5pZmVzdCtqd3MiLCJpYXQiOjE3OTU5NzI3NDcsImFsZyI6IkVkRFNBIiwia2lkIjoiYWpxR1lEeFlBb08yWnFBclMxR2Q5c25YR1BMSURuY2I4QnVwRnBEMkhGcyJ9\\",\\"signature\\":\\"…\\"}]}",
              "entryCount": 1,
              "entries": [
                {
                  "seq": 1,
                  "action": "ADD",
                  "matterCode": "BZGAJ-R009",
                  "kind": "RETAINED",
                  "matterVersion": 1,
                  "name": "居住证明",
                  "departmentCode": "BZGAJ",
                  "addedBy": "sfj-review-01",
                  "addedAt": "2026-11-29T17:19:07.716231Z",
                  "content": {
                    "code": "BZGAJ-R009",
                    "kind": "RETAINED",
                    "name": "居住证明",
                    "kindUri": "urn:certfree:list-kind:retained",
                    "version": 1,
                    "retained": {
                      "channel": "ONLINE_AND_WINDOW",
                      "timeLimit": {
                        "kind": "WORKING_DAYS",
                        "workingDays": 5
                      },
                      "electronic": true,
                      "legalBases": [
                        {
                          "law": "《居住证暂行条例》",
                          "article": "第九条"
                        }
                      ],
                      "validityDays": 90
                    },
                    "scenarios": [
                      "SCHOOL_ENROLMENT",
                      "HOUSING"
                    ],
                    "approvedAt": "2026-11-29T17:19:06.216Z",
                    "approvedBy": "BZSFJ",
                    "department": {
                      "code": "BZGAJ",
                      "name": "巴音郭楞蒙古自治州公安局"
                    },
                    "description": "证明申请人在本地居住的情况。"
                  }
                }
              ],
              "version": 2
            }""";
    /** {@code POST /api/v1/issuance-jobs}: two household-registration proofs, one line each (NDJSON). */
    public static final String ISSUANCE_JOB_BODY = """
            {"itemId":"HJ-2026-000001","matterCode":"BZGAJ-R001","subject":{"kind":"PERSON","name":"张伟","id":"652801199003151239"},"claims":{"户籍地址":"新疆巴音郭楞蒙古自治州库尔勒市人民东路 12 号"},"purpose":"办理子女义务教育入学"}
            {"itemId":"HJ-2026-000002","matterCode":"BZGAJ-R001","subject":{"kind":"PERSON","name":"李娜","id":"65280119850722242X"},"claims":{"户籍地址":"新疆巴音郭楞蒙古自治州库尔勒市萨依巴格路 3 号"},"purpose":"办理子女义务教育入学"}
            """;

    /** {@code POST /api/v1/issuance-jobs}: the job, stored and queued. */
    public static final String ISSUANCE_JOB_QUEUED = """
            {
              "id": "0b9f3c56-7d2e-4c1a-9a57-5f0c1e2d3b4a",
              "department": "BZGAJ",
              "status": "QUEUED",
              "statusText": "排队中",
              "total": 2,
              "done": 0,
              "issued": 0,
              "failed": 0,
              "duplicates": 0,
              "cancelled": 0,
              "progress": "0/2",
              "submittedBy": "demo-issuer-bzgaj",
              "createdAt": "2026-12-01T02:15:07.512Z",
              "links": {
                "self": "/api/v1/issuance-jobs/0b9f3c56-7d2e-4c1a-9a57-5f0c1e2d3b4a",
                "results": "/api/v1/issuance-jobs/0b9f3c56-7d2e-4c1a-9a57-5f0c1e2d3b4a/results",
                "errors": "/api/v1/issuance-jobs/0b9f3c56-7d2e-4c1a-9a57-5f0c1e2d3b4a/results?status=FAILED"
              }
            }
            """;

    /** {@code GET /api/v1/issuance-jobs/{id}}: done, one item refused (its ID fails its check character). */
    public static final String ISSUANCE_JOB_DONE = """
            {
              "id": "0b9f3c56-7d2e-4c1a-9a57-5f0c1e2d3b4a",
              "department": "BZGAJ",
              "status": "DONE",
              "statusText": "已完成",
              "total": 2,
              "done": 2,
              "issued": 1,
              "failed": 1,
              "duplicates": 0,
              "cancelled": 0,
              "progress": "2/2",
              "submittedBy": "demo-issuer-bzgaj",
              "createdAt": "2026-12-01T02:15:07.512Z",
              "startedAt": "2026-12-01T02:15:07.601Z",
              "finishedAt": "2026-12-01T02:15:07.733Z",
              "errors": [
                {
                  "line": 2,
                  "itemId": "HJ-2026-000002",
                  "problem": {
                    "type": "urn:certfree:problem:validation",
                    "title": "Request is not valid",
                    "status": 400,
                    "detail": "公民身份号码校验位不正确",
                    "errors": [
                      {
                        "field": "subject.id",
                        "message": "公民身份号码校验位不正确"
                      }
                    ]
                  }
                }
              ],
              "links": {
                "self": "/api/v1/issuance-jobs/0b9f3c56-7d2e-4c1a-9a57-5f0c1e2d3b4a",
                "results": "/api/v1/issuance-jobs/0b9f3c56-7d2e-4c1a-9a57-5f0c1e2d3b4a/results",
                "errors": "/api/v1/issuance-jobs/0b9f3c56-7d2e-4c1a-9a57-5f0c1e2d3b4a/results?status=FAILED"
              }
            }
            """;

    /** {@code GET /api/v1/issuance-jobs/{id}/results}: one line of the stream, an issued item. */
    public static final String ISSUANCE_JOB_RESULTS = """
            {
              "line": 1,
              "itemId": "HJ-2026-000001",
              "status": "ISSUED",
              "number": "ZM-2026-FDW0-60NC-TBP9-0",
              "verificationCode": "191889",
              "issuedAt": "2026-12-01T02:15:07.601Z",
              "validUntil": "2027-03-01T02:15:07.601Z",
              "proof": "/api/v1/proofs/ZM-2026-FDW0-60NC-TBP9-0"
            }
            """;
}
