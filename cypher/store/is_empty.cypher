RETURN NOT EXISTS { (:Agency) } AS empty
