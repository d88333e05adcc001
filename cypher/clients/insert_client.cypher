// A new client; the registrant's involvement is inserted beside it in the same transaction.
CREATE (c:Client {id: $client.id, givenName: $client.givenName, familyName: $client.familyName,
                  dateOfBirth: date($client.dateOfBirth), address: $client.address, postcode: $client.postcode,
                  nhsNumber: $client.nhsNumber, shielded: $client.shielded})
RETURN c.id AS id
