-- AlterTable
ALTER TABLE "DraftRevision" ADD COLUMN     "media" JSONB,
ADD COLUMN     "renderWarnings" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "evidence" JSONB,
ADD COLUMN     "media" TEXT;
