UPDATE visit SET status = 'Completed', completed_at = $completed_at, mode = $mode WHERE id = $id
