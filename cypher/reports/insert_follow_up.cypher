// A commissioner's request about a family, sent to the agencies in its list (route 'Team': the family's team; 'Duty':
// their duty contacts). Who asked is not kept here: the audit entry appended in the same transaction records it.
MATCH (f:Family {id: $followUp.familyId})
CREATE (u:FollowUp {id: $followUp.id, requestedAt: datetime($followUp.requestedAt), reason: $followUp.reason,
                    route: $followUp.route})-[:ABOUT]->(f)
WITH u
UNWIND $followUp.agencyIds AS agencyId
MATCH (a:Agency {id: agencyId})
CREATE (u)-[:SENT_TO]->(a)
RETURN count(a) AS sentTo
