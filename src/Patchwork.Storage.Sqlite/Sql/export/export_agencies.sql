-- Each table in the order its rows were added (rowid), so a copy into another file is laid out like the original.
SELECT a.id, a.name, a.kind, a.duty_phone, a.duty_email, a.restricted_service, a.agreement_status,
       a.agreement_signed_on, a.agreement_expires_on
FROM agency a
ORDER BY a.rowid
