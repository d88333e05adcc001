UPDATE client SET family_id = $family_id, family_relationship = $relationship WHERE id = $id
