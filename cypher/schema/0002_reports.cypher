// Commissioners' follow-up requests: (:FollowUp)-[:ABOUT]->(:Family), (:FollowUp)-[:SENT_TO]->(:Agency). Each is
// reached from its family or agency (both found by their unique id), so its own id is the only lookup it needs.
// The reports themselves walk out from families and involvements and filter visits as they pass them: an index on
// visit properties would not be used by them, so none is added.
CREATE CONSTRAINT follow_up_id IF NOT EXISTS FOR (u:FollowUp) REQUIRE u.id IS UNIQUE;
