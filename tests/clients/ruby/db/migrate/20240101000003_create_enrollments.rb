# A junction table whose primary key is the pair of references (create_table's primary_key array).
class CreateEnrollments < ActiveRecord::Migration[6.1]
  def change
    create_table :students do |t|
      t.string :name, null: false
    end
    create_table :courses do |t|
      t.string :title, null: false
    end
    create_table :enrollments, primary_key: [:student_id, :course_id] do |t|
      t.bigint :student_id, null: false
      t.bigint :course_id, null: false
      t.date :enrolled_on
    end
    add_foreign_key :enrollments, :students, on_delete: :cascade
    add_foreign_key :enrollments, :courses
  end
end
