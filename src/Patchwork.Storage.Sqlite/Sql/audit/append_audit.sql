INSERT INTO audit (at, subject, practitioner_id, action, client_id, family_id, reason, detail, request_id)
VALUES ($at, $subject, $practitioner_id, $action, $client_id, $family_id, $reason, $detail, $request_id)
