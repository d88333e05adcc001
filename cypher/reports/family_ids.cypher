// INetworkReports.GetFamilyIdsAsync: every family's id, to resolve a pseudonymous reference by computing it over them.
MATCH (f:Family)
RETURN f.id AS familyId
