# Runtime dependencies of ${service}'s functions, one per line (the handler needs none yet).
