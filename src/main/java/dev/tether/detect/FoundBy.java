package dev.tether.detect;

/** How a sync root was found, with the ids of the CLI contract. */
public enum FoundBy {
    /** The client's own settings file names it. */
    CONFIG_FILE("config-file"),
    /** It is where the client puts its folder unless told otherwise, and it exists. */
    DEFAULT_PATH("default-path"),
    /** An environment variable the client sets names it. */
    ENV("env"),
    /** The Windows registry names it. */
    REGISTRY("registry");

    private final String id;

    FoundBy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
