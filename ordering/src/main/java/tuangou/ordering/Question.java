package tuangou.ordering;

/** An open question the bot asked about {@code mention}; {@code id} tells it apart from its siblings. */
public record Question(long id, Unresolved mention) {}
