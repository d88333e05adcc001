// A new client, with the registrant as the first member of its team.
MATCH (p:Practitioner {id: $practitionerId})
CREATE (c:Client {id: $client.id, givenName: $client.givenName, familyName: $client.familyName,
                  dateOfBirth: date($client.dateOfBirth), address: $client.address, postcode: $client.postcode,
                  nhsNumber: $client.nhsNumber, shielded: $client.shielded})
CREATE (p)-[:SUPPORTS {since: datetime($since), reason: $reason, restricted: $restricted}]->(c)
RETURN c.id AS id
