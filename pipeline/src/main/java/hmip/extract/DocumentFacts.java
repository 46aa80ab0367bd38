package hmip.extract;

import hmip.reference.Reference;

/**
 * What the classifier decides about a document before anything else is read from it. {@code framework} is
 * null when no framework's conventions were found; {@code letter} marks the regional letter form ("Dear
 * ...", "Yours sincerely"), which changes how providers and recommendation sections are read.
 */
record DocumentFacts(boolean inspectorate, Reference.Framework framework, String title, String published,
                     String region, boolean letter) {}
