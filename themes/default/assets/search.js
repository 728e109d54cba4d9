// Placeholder: the search enhancement (index loading, results in #search-results) replaces
// this file. Pages work fully without it.
