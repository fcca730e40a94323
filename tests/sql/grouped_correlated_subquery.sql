-- Correlated subqueries in the output, HAVING and ORDER BY of a grouped query read the group keys (EF Core emits these for GroupBy projections over navigations)
CREATE TABLE "Products"("Id" int primary key, "Name" text, "Price" numeric(10,2));
CREATE TABLE "OrderLines"("OrderId" int, "ProductId" int, "Quantity" int);
INSERT INTO "Products" VALUES (1,'Dune',9.99),(2,'Emma',5.5);
INSERT INTO "OrderLines" VALUES (1,1,2),(2,1,1),(2,2,3);
SELECT p."Name", COALESCE(sum(o."Quantity"), 0)::int AS "Units", count(*)::int AS "Orders", (
    SELECT COALESCE(sum(o0."Quantity"::numeric(10,2) * p1."Price"), 0.0)
    FROM "OrderLines" AS o0
    INNER JOIN "Products" AS p0 ON o0."ProductId" = p0."Id"
    INNER JOIN "Products" AS p1 ON o0."ProductId" = p1."Id"
    WHERE p."Name" = p0."Name") AS "Revenue"
FROM "OrderLines" AS o
INNER JOIN "Products" AS p ON o."ProductId" = p."Id"
GROUP BY p."Name"
ORDER BY COALESCE(sum(o."Quantity"), 0)::int DESC, p."Name";
SELECT p."Name", (SELECT count(*) FROM "Products" p0 WHERE p."Name" = p0."Name") FROM "OrderLines" AS o JOIN "Products" AS p ON o."ProductId" = p."Id" GROUP BY p."Name";
SELECT p."Name", (SELECT count(*) FROM "Products" p0 WHERE p."Name" = p0."Name") FROM "Products" AS p GROUP BY p."Name";
SELECT p."Name", (SELECT p."Name" FROM "Products" p0 LIMIT 1) FROM "Products" AS p GROUP BY p."Name";
SELECT p."Name", (SELECT p."Price" FROM "Products" p0 LIMIT 1) FROM "Products" AS p GROUP BY p."Name";
SELECT p."Name", count(*), (SELECT max(o."Quantity") + count(*) FROM "OrderLines" o WHERE o."ProductId" IN (SELECT p2."Id" FROM "Products" p2 WHERE p2."Name" = p."Name")) FROM "Products" AS p GROUP BY p."Name" ORDER BY 1;
SELECT p."Id", (SELECT count(*) FROM "OrderLines" o WHERE o."ProductId" = p."Id" AND p."Price" > 1) FROM "Products" AS p GROUP BY p."Id" ORDER BY 1;
SELECT p."Name" FROM "Products" AS p GROUP BY p."Name" HAVING EXISTS (SELECT 1 FROM "OrderLines" o JOIN "Products" x ON x."Id" = o."ProductId" WHERE x."Name" = p."Name" AND o."Quantity" > 2);
SELECT p."Name", (SELECT p."Name" || x."Name" FROM "Products" x WHERE x."Name" > p."Name" ORDER BY 1 LIMIT 1) FROM "Products" AS p GROUP BY p."Name" ORDER BY 2 NULLS FIRST;
