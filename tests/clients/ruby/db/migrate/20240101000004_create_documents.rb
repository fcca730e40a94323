# UUID keys: pgcrypto's gen_random_uuid() as the id default, and a uuid reference.
class CreateDocuments < ActiveRecord::Migration[6.1]
  def change
    enable_extension "pgcrypto"
    create_table :documents, id: :uuid do |t|
      t.string :title, null: false
      t.timestamps
    end
    create_table :document_versions, id: :uuid do |t|
      t.references :document, type: :uuid, null: false, foreign_key: true
      t.integer :version, null: false
      t.text :body
      t.timestamps
    end
  end
end
