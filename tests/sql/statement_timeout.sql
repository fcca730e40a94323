-- statement_timeout, lock_timeout and idle_in_transaction_session_timeout: units, SHOW and errors.
set statement_timeout = 100; show statement_timeout;
set statement_timeout = '1s'; show statement_timeout;
set statement_timeout = '60s'; show statement_timeout;
set statement_timeout = '1.5s'; show statement_timeout;
set statement_timeout = '1500'; show statement_timeout;
set statement_timeout = '3600000'; show statement_timeout;
set statement_timeout = '86400000'; show statement_timeout;
set statement_timeout = '1x';
set statement_timeout = -1;
set statement_timeout = '1 s'; show statement_timeout;
set statement_timeout = ' 2min '; show statement_timeout;
set statement_timeout = '10us'; show statement_timeout;
set statement_timeout = '1000us'; show statement_timeout;
set statement_timeout = 0; show statement_timeout;
set statement_timeout = 1.7; show statement_timeout;
set statement_timeout = '3000000000';
set statement_timeout = 'abc';
show statement_timeout;
reset statement_timeout;
set lock_timeout = '2s'; show lock_timeout;
set lock_timeout = '1h'; show lock_timeout;
reset lock_timeout; show lock_timeout;
set idle_in_transaction_session_timeout = '90s'; show idle_in_transaction_session_timeout;
reset idle_in_transaction_session_timeout;
-- Statements cut short by the timeout are tested in tests/Tenon.Tests/Server/CancelTests.cs and
-- Data/CancelTests.cs: a long statement here would run unbounded in the mutation tests.
