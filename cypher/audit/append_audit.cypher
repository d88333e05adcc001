// Append-only: entries are only ever created. seq orders entries made in the same millisecond.
UNWIND $entries AS e
CREATE (:AuditEntry {seq: e.seq, at: datetime(e.at), subject: e.subject, practitionerId: e.practitionerId,
                     action: e.action, clientId: e.clientId, familyId: e.familyId, reason: e.reason,
                     detail: e.detail, requestId: e.requestId})
