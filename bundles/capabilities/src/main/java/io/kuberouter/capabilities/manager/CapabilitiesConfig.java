package io.kuberouter.capabilities.manager;

import io.kuberouter.capabilities.FeatureManager;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Where the distribution's features are and which ones this node runs. The launcher fills this PID
 * ({@code docs/capabilities.md}); nothing here is a kube-router flag of its own.
 */
@ObjectClassDefinition(id = FeatureManager.PID, name = "kube-router: capabilities",
        description = "The features of the distribution and how this node enables them: flags, Node annotation, operator.")
@interface CapabilitiesConfig {

    /** Framework property the launcher sets to the distribution's {@code features/} folder. */
    String FEATURES_DIR_PROPERTY = "kuberouter.features.dir";

    @AttributeDefinition(description = "The distribution's features/ folder; empty: the framework property "
            + FEATURES_DIR_PROPERTY)
    String features_dir() default "";

    @AttributeDefinition(description = "The distribution's bundle/ folder, from which the bundles of a feature this "
            + "node lacks are installed; empty: such features cannot be started")
    String bundle_dir() default "";

    @AttributeDefinition(description = "The features the launcher's flags enable")
    String[] flag_features() default {};

    @AttributeDefinition(description = "The Node annotation listing the capability features this node also runs "
            + "(--node-capabilities sets " + FeatureManager.NODE_ANNOTATION + "); empty: the Node is not watched")
    String node_annotation() default "";
}
