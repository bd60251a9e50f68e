# Messages of the engine shared by every kind of text (engine/src/msg.rs).

# Text shown as it is in every language: a program's own output, a quoted value.
verbatim = { $text }

# The separator between the phrases of a list joined with semicolons (a quoted literal keeps its spaces).
list-semicolon = {"; "}
