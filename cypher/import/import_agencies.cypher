// MERGE by id: loading the same network again changes nothing.
UNWIND $rows AS row
MERGE (a:Agency {id: row.id})
SET a.name = row.name, a.nameKey = row.nameKey, a.kind = row.kind, a.dutyPhone = row.dutyPhone,
    a.dutyEmail = row.dutyEmail, a.restrictedService = row.restrictedService, a.agreementStatus = row.agreementStatus,
    a.agreementSignedOn = date(row.agreementSignedOn), a.agreementExpiresOn = date(row.agreementExpiresOn)
RETURN count(a) AS loaded
