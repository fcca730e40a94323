# A second migration: a column plus add_foreign_key with an ON DELETE action.
class AddCategoryToProducts < ActiveRecord::Migration[6.1]
  def change
    add_column :products, :category_id, :bigint
    add_index :products, :category_id
    add_foreign_key :products, :categories, on_delete: :nullify
  end
end
