"""Editorial checks: quotes against the source, facts and numbers, units, attribution,
acceptances."""
