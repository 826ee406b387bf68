-- #17 item 4: how a verification's proof was presented, for the holder's access log ("核验证明文件（OFD）").
-- NULL for the JSON forms (JWS, QR, number + code), 'OFD' for an uploaded sealed OFD. Not a sealed column of the
-- access log (AccessLogRows.COLUMNS never change); the signed receipt body carries it ("presented": "ofd").
ALTER TABLE verification ADD COLUMN presented varchar(8) CHECK (presented IN ('OFD'));
