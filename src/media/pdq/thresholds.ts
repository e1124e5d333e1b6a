/** Two hashes match when their Hamming distance is at most this (Meta's recommendation). */
export const PDQ_MATCH_DISTANCE = 31;

/** Hashes whose quality is below this are unreliable and should not be matched. */
export const PDQ_MIN_QUALITY = 50;
