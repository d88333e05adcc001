// A client is in at most one family: loading a client again drops a membership of any other family (of any family,
// when the row has none), so a merge moves a client between households instead of adding a second MEMBER_OF.
UNWIND $rows AS row
MERGE (c:Client {id: row.id})
SET c.givenName = row.givenName, c.familyName = row.familyName, c.dateOfBirth = date(row.dateOfBirth),
    c.address = row.address, c.postcode = row.postcode, c.nhsNumber = row.nhsNumber, c.shielded = row.shielded
WITH c, row
CALL (c, row) {
  MATCH (c)-[old:MEMBER_OF]->(other:Family)
  WHERE row.familyId IS NULL OR other.id <> row.familyId
  DELETE old
}
CALL (c, row) {
  MATCH (f:Family {id: row.familyId})
  MERGE (c)-[m:MEMBER_OF]->(f)
  SET m.relationship = row.familyRelationship
  RETURN count(f) AS joined
}
RETURN count(c) AS loaded, sum(CASE WHEN row.familyId IS NULL THEN 1 ELSE joined END) AS placed
