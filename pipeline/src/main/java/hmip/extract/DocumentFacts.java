package hmip.extract;

/**
 * What the classifier decides about a document before anything is extracted from it. {@code framework}
 * is null when no framework's conventions were found; {@code letter} marks the regional letter form
 * ("Dear ...", "Yours sincerely") which changes how providers and recommendation sections are read.
 */
record DocumentFacts(boolean inspectorate, Rules.Framework framework, String title, String published,
                     String region, boolean letter) {}
