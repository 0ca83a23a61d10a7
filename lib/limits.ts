/**
 * Every limit Kring enforces, in one place, with its unit in the name or the comment
 * (DESIGN.md style rule 6). Change a number here and the core, the UI and the tests follow.
 */

/** Characters (UTF-16 code units, as `string.length` counts) in one item's text. */
export const MAX_ITEM_TEXT_LENGTH = 2_000;
/** Items (questions, insights, actions) in one session, all phases together. */
export const MAX_ITEMS_PER_SESSION = 5_000;
/** Characters in a session title. */
export const MAX_TITLE_LENGTH = 200;
/** Characters in a session's shared learning question (leervraag). */
export const MAX_LEARNING_QUESTION_LENGTH = 500;
/** Characters in an action's owner ("who"). */
export const MAX_OWNER_LENGTH = 200;
/** Phases in one session or template. */
export const MAX_PHASES = 40;
/** Characters in a phase title. */
export const MAX_PHASE_TITLE_LENGTH = 200;
/** Characters in a phase prompt or facilitator note. */
export const MAX_PHASE_TEXT_LENGTH = 4_000;
/** Suggested minutes for one phase. */
export const MAX_PHASE_MINUTES = 600;
/** Characters in a display name shown to others (awareness only, never in the document). */
export const MAX_DISPLAY_NAME_LENGTH = 40;
/** Bytes of a template file Kring will try to parse. */
export const MAX_TEMPLATE_FILE_BYTES = 256 * 1024;
/** Characters in a template id or a template's phase id (ids become file names and anchors). */
export const MAX_TEMPLATE_ID_LENGTH = 64;
/** Characters in a template's name, in one language. */
export const MAX_TEMPLATE_NAME_LENGTH = 100;
/** Characters in a template's one-line purpose, in one language. */
export const MAX_TEMPLATE_PURPOSE_LENGTH = 500;
/** Characters in a template's credits (sources and licences), in one language. */
export const MAX_TEMPLATE_CREDITS_LENGTH = 2_000;
/** Problems one template file is refused with; the rest are counted, not listed. */
export const MAX_TEMPLATE_PROBLEMS = 100;
/**
 * PBKDF2-SHA-256 iterations that turn a room code into the room name and key (OWASP's 2023
 * figure for PBKDF2-SHA-256). Raising it changes every room name: old codes stop meeting.
 */
export const ROOM_KDF_ITERATIONS = 600_000;
/** Characters in an optional facilitator passphrase. */
export const MAX_PASSPHRASE_LENGTH = 200;
/**
 * y-webrtc `maxConns`: connections a peer starts. Above the ~30 people a mesh room is meant for,
 * so every room forms a full mesh (TESTING.md: a partial mesh can split into islands).
 */
export const MAX_ROOM_PEERS = 40;
/** Milliseconds of random delay before a peer starts connecting, against offer glare. */
export const START_JITTER_MS = 500;
/** Milliseconds without a signaling connection before we say the server is unreachable. */
export const SIGNALING_GRACE_MS = 5_000;
/** Milliseconds between two re-announcements made to answer a message we could not decrypt. */
export const REANNOUNCE_MIN_MS = 2_000;
/**
 * Milliseconds that edits wait in memory before they are written to this device's IndexedDB
 * (together). They are already on their way to the other peers; the page being hidden or
 * closed writes at once.
 */
export const PERSIST_BATCH_MS = 250;

// The sync layer (lib/room/sync.ts, issue 9: sessions of any size reach every peer).

/** Bytes in the largest message a peer reassembles; well above a full session (≈ 10-30 MB). */
export const MAX_SYNC_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Bytes in one Kring-to-Kring WebRTC frame: far under Chromium's 256 KiB SCTP limit. */
export const MESH_FRAME_BYTES = 64 * 1024;
/**
 * Bytes in one frame to a stock y-webrtc peer, which cannot reassemble chunks: Chromium's SCTP
 * limit (a=max-message-size 262144). Larger messages cannot reach such a peer, and Kring says so.
 */
export const STOCK_PEER_FRAME_BYTES = 256 * 1024;
/** Unfinished chunked messages kept at once for one peer. */
export const MAX_OPEN_REASSEMBLIES = 4;
/** Milliseconds without a new chunk after which an unfinished message is forgotten (and asked for again). */
export const REASSEMBLY_TIMEOUT_MS = 30_000;
/** Back-pressure: bytes buffered on a link above which nothing more is handed to it... */
export const SEND_HIGH_WATER_BYTES = 1024 * 1024;
/** ...and below which sending resumes (`bufferedamountlow`). */
export const SEND_LOW_WATER_BYTES = 256 * 1024;
/**
 * Bytes waiting for one slow peer above which the queue is replaced by one full state, which
 * holds everything the queue did: memory stays bounded and nothing is lost.
 */
export const MAX_OUTBOX_BYTES = 32 * 1024 * 1024;
/** Milliseconds between two requests for missing state while updates cannot be applied. */
export const MISSING_STATE_REQUEST_MS = 1_000;
/**
 * Milliseconds between anti-entropy rounds: every peer sends each other its state vector, and
 * whatever a lost message took away comes back in the (usually empty) reply.
 */
export const ANTI_ENTROPY_MS = 10_000;
/**
 * In a relay room (sync-room.ts) each anti-entropy round is one request one peer answers, so
 * the server answers about peers / this-interval requests a second: at 200 peers one round
 * every 50 s per device, 4 requests a second in all, instead of 20.
 */
export const ROOM_ANTI_ENTROPY_MS_PER_PEER = 250;
/**
 * Bytes of edits made while not in the room that are kept, merged, to send on joining. More
 * than a person types in a day; beyond it only the state vector check is left (it misses
 * deletions, which is why these are kept at all).
 */
export const ROOM_UNSENT_MAX_BYTES = 4 * 1024 * 1024;
/**
 * Milliseconds of one's own edits a relay room sends again on rejoining, or after the server
 * said it dropped frames of ours: a WebSocket that dies takes what was handed to it last, and
 * the state vector check (sync-room.ts) cannot see deletions.
 */
export const ROOM_RECENT_MS = 30_000;
/**
 * What a relay room's responder may lack before the asker stops sending it to the whole room
 * (sync-room.ts): a responder missing more than this share of the session's structs (Yjs
 * clock units, about one per character typed), and more than the minimum, is a newcomer still
 * catching up, not a peer that missed an edit. A join storm of 200 would otherwise copy the
 * session to the room once per such answer.
 */
export const ROOM_LACK_BROADCAST_SHARE = 0.1;
export const ROOM_LACK_BROADCAST_MIN = 2_000;
/**
 * Milliseconds after which the sync layer forgets a peer it heard only through the room (a
 * member of another server instance) and that has been silent: its presence times out on its
 * own (y-protocols, 30 s), and a returning peer is simply met again.
 */
export const ROOM_SILENT_PEER_MS = 90_000;
/** Milliseconds before a send that failed is tried again (as a full state). */
export const SEND_RETRY_MS = 1_000;
/** Milliseconds before the first reconnect to a signaling server; doubles per failure... */
export const SIGNALING_BACKOFF_MIN_MS = 1_000;
/** ...up to this many (each wait is jittered between half and all of it). */
export const SIGNALING_BACKOFF_MAX_MS = 30_000;
/** Milliseconds without any message after which a signaling socket is taken for dead. */
export const SIGNALING_SILENCE_MS = 30_000;
/**
 * Items of one kind an item list renders at once; a button shows earlier ones in steps of
 * this many. A 5,000-item phase on screen at once cost the panel ~600 MB of layout.
 */
export const ITEMS_SHOWN_AT_ONCE = 200;

/** Themes in one session, over all phases: more would not fit any screen. */
export const MAX_THEMES_PER_SESSION = 200;
/** Characters (UTF-16 code units) in a theme's name. */
export const MAX_THEME_NAME_LENGTH = 100;
/** Most dots a facilitator can give each device in one phase. */
export const MAX_VOTE_BUDGET = 20;
/** Dots per device when the facilitator does not choose (the usual three of dot voting). */
export const DEFAULT_VOTE_BUDGET = 3;
/** Private drafts one device keeps for one session. */
export const MAX_DRAFTS_PER_SESSION = 500;

// The end-to-end-encrypted relay's frames (lib/room/relay-frame.ts, relay-crypto.ts; issue 10).

/**
 * Bytes in one relay frame, header and AES-GCM tag included: the signaling server's WebSocket
 * message limit (signaling/limits.ts MAX_FRAME_BYTES), so one frame is one server message.
 */
export const RELAY_FRAME_BYTES = 64 * 1024;
/**
 * Bytes an encrypted payload is padded to a multiple of, so the server sees sizes in steps of
 * this many instead of, say, the exact length of a name in a presence message.
 */
export const RELAY_PADDING_BYTES = 64;
/**
 * Counters per sender a receiver remembers behind the highest one seen: frames may arrive out
 * of order by up to this many (encryption finishes out of order; instances relay in parallel).
 * Older ones, and any counter seen before, are dropped as replays.
 */
export const RELAY_REPLAY_WINDOW = 512;
/**
 * Senders whose replay windows a receiver keeps; the least recently heard is forgotten first.
 * Well above the largest room, since every reconnect is a new sender id.
 */
export const RELAY_MAX_TRACKED_SENDERS = 2_048;

// Choosing the path: the WebRTC mesh or the relay (lib/room/path-channel.ts; issue 10).

/**
 * Joined mesh peers at which a room moves to the relay. In a mesh every edit costs one copy per
 * peer and a phone keeps one connection per peer; past a dozen the relay (one copy, one socket)
 * is cheaper for everyone, and the move then happens while the room is still small and quick.
 */
export const RELAY_ABOVE_PEERS = 12;
/**
 * Milliseconds after hearing the first peer on signaling without any WebRTC connection opening,
 * after which this device takes WebRTC for blocked (UDP filtered) and moves to the relay. A
 * working mesh connects in well under two seconds on the networks we tested; six leaves room for
 * a slow phone without leaving a person staring at "connecting" for long.
 */
export const WEBRTC_FALLBACK_MS = 6_000;
/**
 * Milliseconds alone on the mesh after which the relay is probed again (jittered between 0.75
 * and 1.25 times this): a room that moved to the relay while this device was away is found
 * within about this long, and a device alone costs the server one short join per period.
 */
export const RELAY_PROBE_MS = 20_000;
/**
 * Milliseconds a probe of the relay waits for the server's welcome before it is closed: a
 * signaling server without `/relay` (not Kring's) never answers, and the room stays on the mesh.
 */
export const RELAY_PROBE_TIMEOUT_MS = 10_000;
/**
 * Milliseconds a joined probe waits for any frame of the room (an answer to its question from
 * a member on any server instance, or a member's stored presence) before it concludes the room
 * is not on the relay. The server answers within a round trip or two; a phone on a slow
 * network gets more than that.
 */
export const RELAY_PROBE_CONFIRM_MS = 1_500;
/**
 * Bytes of frames kept from the relay while it is not yet the path (a probe confirming, or the
 * relay joining before the mesh is left), handed on at the switch. Above it the oldest go; the
 * sync layer's anti-entropy restores what they carried.
 */
export const RELAY_PENDING_FRAME_BYTES = 4 * 1024 * 1024;
