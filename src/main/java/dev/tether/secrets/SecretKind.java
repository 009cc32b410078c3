package dev.tether.secrets;

/** What a token-like string looks like it is, with the words a finding uses for it. */
public enum SecretKind {
    ANTHROPIC_KEY("anthropic-key", "an Anthropic API key"),
    OPENAI_KEY("openai-key", "an OpenAI API key"),
    GITHUB_TOKEN("github-token", "a GitHub token"),
    GITLAB_TOKEN("gitlab-token", "a GitLab token"),
    AWS_ACCESS_KEY("aws-access-key", "an AWS access key id"),
    SLACK_TOKEN("slack-token", "a Slack token"),
    SLACK_WEBHOOK("slack-webhook", "a Slack webhook URL"),
    GOOGLE_API_KEY("google-api-key", "a Google API key"),
    PRIVATE_KEY("private-key", "a private key block"),
    ASSIGNED_SECRET("assigned-secret", "a password, token or secret assigned a random-looking value");

    private final String id;
    private final String description;

    SecretKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Stable, for {@code --json} and tests. */
    public String id() {
        return id;
    }

    /** For people: "a GitHub token". */
    public String description() {
        return description;
    }
}
