package io.pinxit.infra;

/**
 * The loopback ports the infrastructure listens on; 0 means "pick a free one at start".
 */
public record InfrastructurePorts(int kafka, int kafkaController, int postgres, int s3) {

    /** Fixed ports of a local `./pinxit up`, chosen away from the defaults of any locally installed servers. */
    public static final InfrastructurePorts LOCAL_DEFAULTS = new InfrastructurePorts(19092, 19093, 15432, 19000);

    public static final InfrastructurePorts ANY_FREE = new InfrastructurePorts(0, 0, 0, 0);

    public InfrastructurePorts {
        requireValid("kafka", kafka);
        requireValid("kafkaController", kafkaController);
        requireValid("postgres", postgres);
        requireValid("s3", s3);
    }

    private static void requireValid(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " port must be 0 (any free port) or 1-65535, was " + port);
        }
    }
}
