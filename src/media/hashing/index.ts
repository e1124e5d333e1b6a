export type { ExactHashes, ExactHashesWithSize } from './exact.js';
export { ExactHasher, exactHashesOfBytes, exactHashesOfFile, exactHashesOfStream } from './exact.js';
export type { FileReadProblem } from './errors.js';
export { FileReadError } from './errors.js';
export type { DihedralImageHashes, ImageHashOptions, ImageHashes } from './image.js';
export { hashImageBytes, hashImageBytesDihedral, hashImageFile, hashImageFileDihedral } from './image.js';
export { DEFAULT_MAX_IMAGE_BYTES, readWholeFile } from './read.js';
export type { InspectedMedia, InspectOptions, MediaInspection, MediaRefusal } from './inspect.js';
export { inspectMedia } from './inspect.js';
export type { AcceptedMediaType, ImageType, SniffedMedia, VideoType } from './media-type.js';
export { imageTypes, sniffMediaType, videoTypes } from './media-type.js';
// What callers of this module need to print or compare its PDQ results.
export type { DihedralVariant, PdqHash } from '../pdq/index.js';
export { DIHEDRAL_VARIANTS, PdqDecodeError, toHex } from '../pdq/index.js';
