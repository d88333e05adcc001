RETURN EXISTS { (:Practitioner {subject: $subject}) } AS inUse
