// The family records, of those asked for, that the practitioner reaches: they support one of its members.
MATCH (f:Family)
WHERE f.id IN $ids
  AND EXISTS { (f)<-[:MEMBER_OF]-(:Client)<-[s:SUPPORTS]-(:Practitioner {id: $practitionerId}) WHERE s.endedOn IS NULL }
RETURN f {.id, .name, .area} AS family
