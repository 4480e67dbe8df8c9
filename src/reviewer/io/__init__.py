"""Reading input: article files and folders (:mod:`.articles`), sentence segmentation (:mod:`.segment`)."""
