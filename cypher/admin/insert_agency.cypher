// nameKey is the name folded to lower case: its uniqueness constraint backs the adapter's own check.
CREATE (a:Agency {id: $agency.id, name: $agency.name, nameKey: $agency.nameKey, kind: $agency.kind,
                  dutyPhone: $agency.dutyPhone, dutyEmail: $agency.dutyEmail, restrictedService: $agency.restrictedService,
                  agreementStatus: $agency.agreementStatus, agreementSignedOn: date($agency.agreementSignedOn),
                  agreementExpiresOn: date($agency.agreementExpiresOn)})
RETURN a.id AS id
