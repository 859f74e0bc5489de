import { ConfigError } from '../config/config-error';
import { eventStoreSelectionFromEnv } from './event-store-selection';

describe('EVENTSTORE_URL', () => {
  it('defaults to PostgreSQL', () => {
    expect(eventStoreSelectionFromEnv({})).toEqual({ kind: 'postgres' });
    expect(eventStoreSelectionFromEnv({ EVENTSTORE_URL: 'postgres' })).toEqual({ kind: 'postgres' });
  });

  it('selects KurrentDB for its connection strings, clusters included', () => {
    const url = 'kurrentdb://admin:changeit@kdb-1:2113,kdb-2:2113,kdb-3:2113?tls=false';
    expect(eventStoreSelectionFromEnv({ EVENTSTORE_URL: url })).toEqual({ kind: 'kurrentdb', url });
    expect(eventStoreSelectionFromEnv({ EVENTSTORE_URL: 'kurrentdb+discover://kdb.internal:2113' }).kind).toBe('kurrentdb');
  });

  it('refuses anything else, naming the variable and hiding the password', () => {
    expect(() => eventStoreSelectionFromEnv({ EVENTSTORE_URL: 'mongodb://u:secret@db' })).toThrow(ConfigError);
    expect(() => eventStoreSelectionFromEnv({ EVENTSTORE_URL: 'mongodb://u:secret@db' })).toThrow(/EVENTSTORE_URL must be .*\/\/\*\*\*@db/);
  });
});
