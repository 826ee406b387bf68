-- Substring search in Chinese text. pg_trgm cannot serve it here: with the embedded database's
-- C locale (and any libc C/POSIX locale) pg_trgm treats CJK characters as non-word characters, so
-- show_trgm('出生医学证明') is empty and a trigram index cannot narrow a Chinese LIKE. Instead every
-- searchable row keeps the set of its character unigrams and bigrams (the pg_bigm idea) in a text[]
-- column with a GIN index; a query asks for rows containing all bigrams of each search term
-- (the unigram for a one-character term) and then rechecks the real substring with strpos().
-- Both functions lower-case with the database's lower(), so stored and queried grams always agree.
CREATE FUNCTION text_grams(t TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
        SELECT substr(lower(t), i, 1) AS g FROM generate_series(1, char_length(t)) AS i
        UNION
        SELECT substr(lower(t), i, 2) FROM generate_series(1, char_length(t) - 1) AS i
    ) grams WHERE g !~ '^\s*$'
$$;

-- Grams a row must contain to possibly hold the term: its bigrams, or itself when one character long.
CREATE FUNCTION text_query_grams(term TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN char_length(term) = 1 THEN ARRAY[lower(term)]
           ELSE (SELECT coalesce(array_agg(DISTINCT substr(lower(term), i, 2)), '{}'::text[])
                 FROM generate_series(1, char_length(term) - 1) AS i) END
$$;
