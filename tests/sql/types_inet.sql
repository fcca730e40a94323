-- inet and cidr: input (IPv4, IPv6, abbreviated and classful cidr forms, hex cidr), output,
-- the invalid-input errors (22P02, cidr's host-bits DETAIL), casts, ordering, the containment
-- operators, the network functions, and keys and foreign keys over both types.
SELECT '1.2.3.4'::inet, '1.2.3.4/24'::inet, '10/8'::inet, '10.1.2/24'::inet, '01.02.03.04'::inet, '1.2.3.4/08'::inet;
SELECT '::'::inet, '::1'::inet, '::1/128'::inet, '::1/64'::inet, 'ffff::/16'::inet, '2001:DB8::1'::inet;
SELECT '1:0:0:0:0:0:0:8'::inet, '1:0:0:2:0:0:0:8'::inet, '1:0:2:0:3:0:4:0'::inet, '1:0:0:2:0:0:3:4'::inet, '0:1:0:0:0:1:0:0'::inet;
SELECT '::ffff:1.2.3.4'::inet, '::1.2.3.4'::inet, '::0.0.0.1'::inet, '::ffff:0:1.2.3.4'::inet, '::ffff'::inet, '::ffff:0'::inet;
SELECT '1:2:3:4:5:6:7::'::inet, '::2:3:4:5:6:7:8'::inet, '1:2:3:4:5:6:1.2.3.4/100'::inet, '::1.2.3'::inet, '::1.2/120'::inet, '0::0:0'::inet;
-- invalid inet input
SELECT '10'::inet;
SELECT '10.1.2'::inet;
SELECT '10/32'::inet;
SELECT ' 1.2.3.4'::inet;
SELECT '1.2.3.4 '::inet;
SELECT '1.2.3.256'::inet;
SELECT '1.2.3.4/33'::inet;
SELECT '1.2.3.4/'::inet;
SELECT ''::inet;
SELECT '0x0a.1.2.3'::inet;
SELECT '1::2::3'::inet;
SELECT ':1::2'::inet;
SELECT '1:2:3:4:5:6:7:8:9'::inet;
SELECT '1:2:3:4:5:6:7'::inet;
SELECT '12345::'::inet;
SELECT '::1/08'::inet;
SELECT '::01.2.3.4'::inet;
SELECT 'fe80::1%eth0'::inet;
SELECT '1:2:3:4:5:6:7::/129'::inet;
-- cidr: classful defaults, widened to the octets written; hex input
SELECT '192.168.100.128/25'::cidr, '192.168/24'::cidr, '192.168/25'::cidr, '192.168.1'::cidr, '192.168'::cidr, '128.1'::cidr;
SELECT '128'::cidr, '128.1.2'::cidr, '10.1.2'::cidr, '10.1'::cidr, '10'::cidr, '10.1.2.3'::cidr, '10.0.0.0'::cidr;
SELECT '224'::cidr, '224.1'::cidr, '225'::cidr, '240'::cidr, '0'::cidr, '010.1'::cidr, '10/07'::cidr;
SELECT '0x0a01'::cidr, '0x0a0'::cidr, '0X0A'::cidr, '0xa'::cidr, '0x0a/8'::cidr, '0x0a0b0c0d'::cidr;
SELECT '2001:4f8:3:ba::/64'::cidr, '::ffff:1.2.3.0/120'::cidr, '::'::cidr, '::/0'::cidr, '1:0:0:2:0:0:3:4'::cidr;
SELECT '1.2.3.4/8'::cidr;
SELECT '10.1/8'::cidr;
SELECT '1.2.3.4/0'::cidr;
SELECT '::1/64'::cidr;
SELECT '10.1.2.3.4'::cidr;
SELECT '0x0a.1'::cidr;
SELECT '0x0a0b0c0d0e'::cidr;
SELECT '256'::cidr;
SELECT '1.2.3/33'::cidr;
SELECT ' 10'::cidr;
SELECT inet '1.2.3.4', cidr '10.0.0.0/8', pg_typeof(inet '1.2.3.4'), pg_typeof(cidr '10/8');
-- casts: cidr -> inet implicit, inet -> cidr masks, text casts show the mask
SELECT '10.1.2.3/8'::inet::cidr, '10.1.2.3/8'::inet::text, '10.1.2.3'::inet::text, '10.1.2.3'::inet::varchar,
       '10.1.2.3'::inet::char(20), cast('10.1.2.3'::inet AS name), '10.0.0.0/8'::cidr::inet, '10.0.0.0/8'::cidr::text;
SELECT 'x' || '10.1.2.3'::inet, '10.0.0.0/8'::cidr || 'x', concat('10.1.2.3'::inet, 'a');
SELECT '10.1.2.3'::text::inet, '10.0.0.0/8'::varchar::cidr;
SELECT 1::inet;
SELECT '1.2.3.4'::inet::int;
-- the network functions
SELECT v, abbrev(v::cidr) AS ac, abbrev(v::inet) AS ai, text(v::inet) AS ti, host(v::inet), masklen(v::inet), family(v::inet),
       network(v::inet), netmask(v::inet), hostmask(v::inet), broadcast(v::inet)
FROM (VALUES ('10.0.0.0/8'), ('10.1.0.0/16'), ('10.0.0.0/16'), ('10.1.2.0/24'), ('10.0.2.0/24'), ('10.1.2.3/32'),
             ('0.0.0.0/0'), ('0.0.0.0/32'), ('10.0.0.0/15'), ('10.0.0.0/7'), ('128.0.0.0/1'), ('1.2.3.0/25'),
             ('::/0'), ('::/128'), ('2001:db8::/32'), ('2001:db8::/33'), ('::ffff:1.2.3.0/120'), ('::1.2.3.0/120'),
             ('1:2::/32'), ('1::/16'), ('::1/128'), ('1:0:0:2::/64'), ('1:0:0:2::/128'), ('::ffff:0.0.0.0/96'), ('::/96')) t(v);
SELECT v, abbrev(v::cidr) FROM (VALUES ('100::/8'), ('1::/17'), ('1:2::/31'), ('1:2::/33'), ('1:2::/49'), ('1:2:3::/48'),
       ('1:2:3::/64'), ('1:0:3::/48'), ('0:1::/32'), ('1:2:3:4:5:6:7::/112'), ('1:2:3:4::/65'), ('0:0:1::/48'),
       ('::1:0/112'), ('8000::/1'), ('::/33'), ('1:0:0:0:5::/80'), ('1:0:0:0:5::/96'), ('1:0:0:0:5:0:0:0/128'),
       ('::1.2.3.4/128'), ('::1.2.3.0/127'), ('::1.2.0.0/112'), ('::1.0.0.0/104'), ('::ffff:1.0.0.0/104'),
       ('::ffff:0:0/127'), ('1:2:3:4:5:6:7:0/128'), ('0:0:0:0:0:1::/112'), ('::2/127')) t(v);
SELECT v, host(v::inet), network(v::inet), netmask(v::inet), hostmask(v::inet), broadcast(v::inet), v::inet::cidr
FROM (VALUES ('10.1.2.3/8'), ('10.1.2.3'), ('::1/64'), ('2001:db8::1:2/100'), ('1.2.3.4/0'), ('1.2.3.4/31'), ('::ffff:1.2.3.4/100')) t(v);
SELECT pg_typeof(network('1.2.3.4/8'::inet)), pg_typeof(set_masklen('1.2.3.4'::cidr, 8)), pg_typeof(set_masklen('1.2.3.4'::inet, 8)),
       pg_typeof(broadcast('1.2.3.4'::cidr)), pg_typeof(netmask('1.2.3.4'::cidr)), pg_typeof(abbrev('1.2.3.4'::cidr));
SELECT set_masklen('1.2.3.4/24'::inet, 8), set_masklen('1.2.3.4/32'::cidr, 8), set_masklen('1.2.3.4/24'::inet, -1),
       set_masklen('1.2.3.0/24'::cidr, -1), set_masklen('::1'::inet, 64), set_masklen('::1'::cidr, 64), set_masklen('1.0.0.0/8'::cidr, 16);
SELECT set_masklen('1.2.3.4'::inet, 33);
SELECT set_masklen('::1'::inet, -2);
SELECT set_masklen('1.2.3.4'::cidr, 33);
SELECT inet_same_family('1.2.3.4', '::1'), inet_same_family('1.2.3.4', '10/8'), inet_merge('192.168.1.5/24', '192.168.2.5/24'),
       inet_merge('10.0.0.1', '10.0.0.1'), inet_merge('::1', '::ffff:1');
SELECT inet_merge('1.2.3.4', '::1');
SELECT host(NULL::inet), masklen(NULL), family('1.2.3.4'), masklen('::1/64');
-- comparison and containment
CREATE TABLE addrs (id int PRIMARY KEY, a inet, c cidr);
INSERT INTO addrs VALUES
  (1, '192.168.1.5', '192.168.1.0/24'), (2, '192.168.1.5/24', '192.168.1.0/24'), (3, '192.168.1.0/24', '192.168.0.0/16'),
  (4, '10.1.2.3/8', '10.0.0.0/8'), (5, '10.0.0.0/8', '10.0.0.0/8'), (6, '::1', '::1/128'), (7, '2001:db8::1/64', '2001:db8::/64'),
  (8, '0.0.0.0/0', '0.0.0.0/0'), (9, '255.255.255.255', '255.255.255.255/32'), (10, '::/0', '::/0'), (11, '192.168.1.4/24', '192.168.1.0/25'),
  (12, NULL, NULL), (13, '1.2.3.4/31', '1.2.3.4/31');
INSERT INTO addrs VALUES (20, 'nonsense', NULL);
INSERT INTO addrs VALUES (21, NULL, '10.1.2.3/8');
INSERT INTO addrs (id, c) VALUES (22, '10.1.2.3/8'::inet);
SELECT id, a FROM addrs ORDER BY a, id;
SELECT id, c FROM addrs ORDER BY c DESC, id;
SELECT id, a, c, a < c AS lt, a = c AS eq, a > c AS gt, a << c AS sub, a <<= c AS subeq, a >> c AS sup, a >>= c AS supeq, a && c AS ovl
FROM addrs ORDER BY id;
SELECT id FROM addrs WHERE a << '192.168.0.0/16' ORDER BY id;
SELECT id FROM addrs WHERE c >>= '10.1.2.3' ORDER BY id;
SELECT id FROM addrs WHERE c = '10.0.0.0/8' ORDER BY id;
SELECT id FROM addrs WHERE c = '10.1.2.3/8' ORDER BY id;
SELECT id FROM addrs WHERE a = '192.168.1.5' OR a = '::1' ORDER BY id;
SELECT '192.168.1.5'::inet = '192.168.1.5/32'::inet, '192.168.1.5'::inet = '192.168.1.5/24'::inet, '1.2.3.4'::inet < '::'::inet,
       '10.0.0.0/8'::cidr <> '10.0.0.0/8'::inet, '10.1.2.3/8'::inet >= '10.0.0.0/8'::cidr;
SELECT min(a), max(a), min(c), max(c), count(DISTINCT a), pg_typeof(min(c)) FROM addrs;
SELECT a, count(*) FROM (VALUES ('1.2.3.4'::inet), ('1.2.3.4/32'), ('1.2.3.4/24'), ('::1')) t(a) GROUP BY a ORDER BY a;
SELECT '1.2.3.4'::inet << 5;
SELECT '1.2.3.4'::inet + '1.2.3.4'::inet;
-- keys: equal networks collide, a different mask length is a different value
CREATE TABLE nets (n cidr PRIMARY KEY, note text);
INSERT INTO nets VALUES ('10.0.0.0/8', 'a'), ('10.0.0.0/16', 'b'), ('192.168.0.0/16', 'c'), ('::/0', 'd');
INSERT INTO nets VALUES ('10/8', 'dup');
CREATE TABLE hosts (h inet PRIMARY KEY, net cidr REFERENCES nets);
INSERT INTO hosts VALUES ('10.1.2.3', '10.0.0.0/8'), ('192.168.7.7/16', '192.168.0.0/16');
INSERT INTO hosts VALUES ('10.9.9.9', '10.0.0.0/12');
INSERT INTO hosts VALUES ('10.1.2.3/32', NULL);
SELECT h, net, h << net AS inside FROM hosts ORDER BY h;
-- cidr referencing inet works (cidr converts implicitly); inet referencing cidr too, through network_ops
CREATE TABLE pk_inet (a inet PRIMARY KEY);
INSERT INTO pk_inet VALUES ('10.0.0.0/8'), ('10.1.2.3');
CREATE TABLE fk_cidr (c cidr REFERENCES pk_inet);
INSERT INTO fk_cidr VALUES ('10.0.0.0/8');
INSERT INTO fk_cidr VALUES ('10.1.2.3/32');
INSERT INTO fk_cidr VALUES ('10.1.2.3');
CREATE TABLE fk_inet (a inet REFERENCES nets);
INSERT INTO fk_inet VALUES ('10.0.0.0/8');
INSERT INTO fk_inet VALUES ('10.0.0.1/8');
CREATE TABLE fk_bad1 (x int REFERENCES pk_inet);
CREATE TABLE fk_bad2 (x inet REFERENCES addrs);
CREATE TABLE fk_bad3 (x text REFERENCES pk_inet);
CREATE TABLE fk_bad4 (x timestamp REFERENCES nets);
CREATE TABLE typmod (x inet(4));
DROP TABLE fk_cidr, fk_inet, pk_inet, hosts, nets, addrs;
