// Every family's id: a pseudonymous reference is resolved by computing it over these.
MATCH (f:Family)
RETURN f.id AS familyId
ORDER BY familyId
