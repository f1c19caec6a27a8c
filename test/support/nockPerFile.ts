// Jest gives every test file a fresh nock but one node:http per worker. A nock left active sits
// under the next file's nock and answers for it: with net connect disabled it refuses that file's
// real HTTP to the sandbox. So every file hands node:http back as it found it.
import nock from 'nock';

afterAll(() => nock.restore());
