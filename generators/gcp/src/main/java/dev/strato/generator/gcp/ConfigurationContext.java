package dev.strato.generator.gcp;

import dev.strato.model.service.Service;

/** What the parts of a configuration are built with: the service, its names and references, the configuration and its grants. */
record ConfigurationContext(Service service, GcpNames names, ResourceRefs refs, Configuration configuration, Iam iam) {}
