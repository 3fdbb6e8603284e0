/**
 * The digest of every source file the shipped packs and the engine are made of: the import
 * closure of packs/packs.ts and engine/compile.ts (rules, shared rule helpers, facts, time
 * arithmetic, the content guard's code and phrase lists, and the stdx, domain and config modules
 * they use), this file excepted, and the version of every package they import. It is part of
 * every policy version, so a change to any code that decides yields a new version even where no
 * rule's own source changed. The core reads no files, so the digest is generated and a test holds
 * it to the files on disk; after changing any of them, regenerate it with
 * `FAIRCOLLECT_UPDATE_POLICY_SOURCES=1 node --test test/policy-sources/policy-sources.test.ts`.
 */
export const POLICY_SOURCES_DIGEST = '0551bfc1c7f46f879f7f5dba7f70643fa0d469213c428004047f69a04b71f579';
export const POLICY_SOURCES_FILES = 101;
