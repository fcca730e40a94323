# ActiveRecord (Rails' ORM, Debian's ruby-activerecord with ruby-pg) against tenon serve, the way
# the seed documents' Rails examples use PostgreSQL: migrations run through a MigrationContext
# (schema_migrations, create_table, t.references … foreign_key: true, add_foreign_key, a composite
# primary key, UUID ids with enable_extension "pgcrypto"), then models with belongs_to/has_many/
# has_one associations, dependent: :destroy, and the exceptions constraint violations raise.
# Connection settings come from PGHOST/PGPORT/PGUSER/PGDATABASE. Prints one "ok" line per check.
require "active_record"

$checks = 0
def ok(name)
  $checks += 1
  puts "ok #{$checks} - #{name}"
  $stdout.flush
end

def check(cond, what)
  raise "check failed: #{what}" unless cond
end

def expect_raise(cls)
  yield
rescue cls => e
  e
else
  raise "expected #{cls}"
end

# A failure prints its message and the script's own frames, not the whole framework stack.
at_exit do
  e = $!
  next if e.nil? || e.is_a?(SystemExit)
  warn "FAILED: #{e.class}: #{e.message}"
  warn "  caused by #{e.cause.class}: #{e.cause.message}" if e.cause
  warn e.backtrace.grep(/#{Regexp.escape(File.basename(__FILE__))}|db\/migrate/).first(5).map { |l| "  #{l}" }.join("\n")
  $stderr.flush
  exit! 1
end

ActiveRecord::Base.logger = Logger.new($stderr) if ENV["AR_LOG"]
ActiveRecord::Base.establish_connection(
  adapter: "postgresql", host: ENV.fetch("PGHOST"), port: ENV.fetch("PGPORT").to_i,
  username: ENV.fetch("PGUSER"), database: ENV.fetch("PGDATABASE")
)
ActiveRecord::Migration.verbose = false

conn = ActiveRecord::Base.connection
check conn.select_value("SELECT 1 + 1") == 2, "select_value"
check conn.postgresql_version >= 150000, "server version #{conn.postgresql_version}"
ok "connect"

migrations = ActiveRecord::MigrationContext.new(File.join(__dir__, "db", "migrate"), ActiveRecord::SchemaMigration)
migrations.migrate
check migrations.current_version == 20240101000004, "current_version #{migrations.current_version}"
check !migrations.needs_migration?, "no pending migrations"
ok "migrations ran and were recorded in schema_migrations"

check conn.table_exists?(:order_items), "table_exists?"
check conn.foreign_keys(:order_items).map { |fk| [fk.to_table, fk.on_delete] }.sort_by(&:first) ==
      [["orders", :cascade], ["products", nil]], "foreign_keys(:order_items)"
check conn.columns(:orders).map(&:name) == %w[id user_id status total created_at updated_at], "columns(:orders)"
check conn.primary_keys(:enrollments) == %w[student_id course_id], "composite primary key"
check conn.extension_enabled?("pgcrypto"), "pgcrypto enabled"
ok "schema introspection: tables, columns, foreign keys, primary keys, extensions"

ActiveRecord::Base.belongs_to_required_by_default = true  # what a Rails application's defaults set

class ApplicationRecord < ActiveRecord::Base
  self.abstract_class = true
end

class User < ApplicationRecord
  has_many :orders, dependent: :destroy
  has_one :user_profile, dependent: :destroy
end

class UserProfile < ApplicationRecord
  belongs_to :user
end

class Product < ApplicationRecord
  belongs_to :category, optional: true
  has_many :order_items
end

class Order < ApplicationRecord
  belongs_to :user
  has_many :order_items, dependent: :destroy
  has_many :products, through: :order_items
end

class OrderItem < ApplicationRecord
  belongs_to :order
  belongs_to :product
end

class Category < ApplicationRecord
  belongs_to :parent, class_name: "Category", optional: true
  has_many :children, class_name: "Category", foreign_key: :parent_id, dependent: :destroy
  has_many :products
end

class Student < ApplicationRecord
  has_many :enrollments
  has_many :courses, through: :enrollments
end

class Course < ApplicationRecord
  has_many :enrollments
  has_many :students, through: :enrollments
end

class Enrollment < ApplicationRecord
  belongs_to :student
  belongs_to :course
end

class Document < ApplicationRecord
  has_many :document_versions, dependent: :destroy
end

class DocumentVersion < ApplicationRecord
  belongs_to :document
end

ada = User.create!(name: "Ada", email: "ada@example.com")
bob = User.create!(name: "Bob", email: "bob@example.com")
check ada.id.is_a?(Integer) && bob.id == ada.id + 1, "generated ids"
hardware = Category.create!(name: "Hardware")
laptops = Category.create!(name: "Laptops", parent: hardware)
laptop = Product.create!(name: "Laptop", price: "999.99", category: laptops)
mouse = Product.create!(name: "Mouse", price: 19.5, category: hardware)
check laptop.reload.price == BigDecimal("999.99"), "decimal round trip"
check laptops.parent == hardware && hardware.children.to_a == [laptops], "self-referential association"
ok "create! with generated keys; belongs_to/has_many on a self-referential table"

order = ada.orders.create!(total: 1038.99)
order.order_items.create!(product: laptop, quantity: 1, unit_price: laptop.price)
order.order_items.create!(product: mouse, quantity: 2, unit_price: mouse.price)
check order.status == "pending" && order.reload.status == "pending", "column default"
ada.create_user_profile!(bio: "hello")
check User.find(ada.id).orders.first.products.order(:name).pluck(:name) == %w[Laptop Mouse], "has_many through"
totals = Order.joins(:order_items).group("orders.id").sum("order_items.quantity * order_items.unit_price")
check totals.values.map(&:to_s) == ["1038.99"], "grouped sum #{totals.inspect}"
users = User.includes(orders: :order_items).order(:name).to_a
check users.map { |u| [u.name, u.orders.sum { |o| o.order_items.size }] } == [["Ada", 2], ["Bob", 0]], "includes"
ok "associations: create through has_many, has_one, has_many through, includes, joins with group"

Order.transaction do
  o = bob.orders.create!
  o.order_items.create!(product: mouse, quantity: 1, unit_price: 1)
  raise ActiveRecord::Rollback
end
check bob.orders.count == 0, "rolled back"
ok "transaction with ActiveRecord::Rollback"

e = expect_raise(ActiveRecord::InvalidForeignKey) do
  Order.new(user_id: 9999).save!(validate: false)  # past the belongs_to validation, to the database
end
check e.cause.is_a?(PG::ForeignKeyViolation), "cause #{e.cause.class}"
check e.cause.result.error_field(PG::Result::PG_DIAG_CONSTRAINT_NAME).start_with?("fk_rails_"), "fk name"
check e.message.include?('Key (user_id)=(9999) is not present in table "users".'), e.message
e = expect_raise(ActiveRecord::InvalidForeignKey) { conn.execute("DELETE FROM users WHERE id = #{ada.id}") }
check e.message.include?("is still referenced from table \"orders\""), e.message
ok "ActiveRecord::InvalidForeignKey on insert and on delete"

e = expect_raise(ActiveRecord::RecordNotUnique) { User.create!(name: "Ada 2", email: "ada@example.com") }
check e.cause.is_a?(PG::UniqueViolation), "unique cause"
e = expect_raise(ActiveRecord::RecordNotUnique) { order.order_items.create!(product: laptop, quantity: 1, unit_price: 1) }
e = expect_raise(ActiveRecord::NotNullViolation) { conn.execute("INSERT INTO users (email, created_at, updated_at) VALUES ('x@example.com', now(), now())") }
e = expect_raise(ActiveRecord::RecordInvalid) { OrderItem.create!(order: order, quantity: 1, unit_price: 1) }
ok "RecordNotUnique, NotNullViolation, and belongs_to validation"

ada.destroy
check User.where(id: ada.id).none?, "destroyed"
check Order.count == 0 && OrderItem.count == 0 && UserProfile.count == 0, "dependent: :destroy"
ok "dependent: :destroy removes orders, order items and the profile"

Order.create!(user: bob).order_items.create!(product: laptop, quantity: 1, unit_price: 1)
conn.execute("DELETE FROM orders")  # the database's ON DELETE CASCADE (foreign_key: { on_delete: :cascade })
check OrderItem.count == 0, "on_delete cascade"
hardware.destroy  # dependent: :destroy on the children; products' category_id nulled by on_delete: :nullify
check Category.count == 0 && Product.where(category_id: nil).count == 2, "nullify"
ok "on_delete: :cascade and :nullify done by the database"

s = Student.create!(name: "Sam")
c1 = Course.create!(title: "SQL")
c2 = Course.create!(title: "Ruby")
conn.execute("INSERT INTO enrollments (student_id, course_id, enrolled_on) VALUES (#{s.id}, #{c1.id}, '2024-01-01'), (#{s.id}, #{c2.id}, NULL)")
check s.courses.order(:title).pluck(:title) == %w[Ruby SQL], "has_many through a composite-key table"
expect_raise(ActiveRecord::RecordNotUnique) { conn.execute("INSERT INTO enrollments (student_id, course_id) VALUES (#{s.id}, #{c1.id})") }
expect_raise(ActiveRecord::InvalidForeignKey) { conn.execute("DELETE FROM courses WHERE id = #{c1.id}") }
s.destroy
check conn.select_value("SELECT count(*) FROM enrollments") == 0, "cascade on the composite-key table"
ok "composite primary key table: through association, uniqueness, FK actions"

doc = Document.create!(title: "Spec")
check doc.id.match?(/\A\h{8}-\h{4}-4\h{3}-[89ab]\h{3}-\h{12}\z/), "uuid id #{doc.id.inspect}"
v = doc.document_versions.create!(version: 1, body: "draft")
check DocumentVersion.find(v.id).document == doc, "uuid belongs_to"
expect_raise(ActiveRecord::InvalidForeignKey) { DocumentVersion.new(document_id: SecureRandom.uuid, version: 2).save!(validate: false) }
doc.destroy
check DocumentVersion.count == 0, "uuid dependent destroy"
ok "UUID primary keys from gen_random_uuid()"

migrations.down(20240101000002)  # reverts the last two
check !conn.table_exists?(:enrollments) && !conn.table_exists?(:documents) && conn.table_exists?(:orders), "rollback"
ok "migrations rolled back"

puts "all #{$checks} checks passed"
