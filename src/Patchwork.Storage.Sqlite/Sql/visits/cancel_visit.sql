UPDATE visit SET status = 'Cancelled' WHERE id = $id
