-- The households registered at or after $at, which were not there at $at and are in no family's network figures as
-- at $at: counted before they existed, they would move a past month end's figures on the day each was registered.
-- A registration is on the audit trail (a CREATE_FAMILY entry, in the transaction that made the household); seeded
-- and imported households have none and were always there.
SELECT au.family_id
FROM audit au
WHERE au.action = 'CreateFamily' AND au.at >= $at AND au.family_id IS NOT NULL
