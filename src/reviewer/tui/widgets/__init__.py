"""The pieces of the review screen: article columns, top bar, inspector, status bar, and the
review view that holds them."""
