UNWIND $rows AS row
MERGE (c:Client {id: row.id})
SET c.givenName = row.givenName, c.familyName = row.familyName, c.dateOfBirth = date(row.dateOfBirth),
    c.address = row.address, c.postcode = row.postcode, c.nhsNumber = row.nhsNumber, c.shielded = row.shielded
WITH c, row
CALL (c, row) {
  MATCH (f:Family {id: row.familyId})
  MERGE (c)-[m:MEMBER_OF]->(f)
  SET m.relationship = row.familyRelationship
  RETURN count(f) AS joined
}
RETURN count(c) AS loaded, sum(CASE WHEN row.familyId IS NULL THEN 1 ELSE joined END) AS placed
