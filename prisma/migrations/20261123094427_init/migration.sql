-- CreateEnum
CREATE TYPE "Role" AS ENUM ('editor', 'reviewer', 'admin');

-- CreateEnum
CREATE TYPE "DraftKind" AS ENUM ('moments', 'group_topic', 'card');

-- CreateEnum
CREATE TYPE "DraftStatus" AS ENUM ('failed', 'in_review', 'awaiting_signoff', 'approved', 'rejected', 'scheduled', 'published', 'refused', 'unconfirmed');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('block', 'review', 'warn');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('pass', 'review', 'block');

-- CreateEnum
CREATE TYPE "CheckPurpose" AS ENUM ('save', 'publish', 'recheck');

-- CreateEnum
CREATE TYPE "DecisionAction" AS ENUM ('approve', 'reject', 'edit', 'signoff');

-- CreateEnum
CREATE TYPE "EntryStatus" AS ENUM ('scheduled', 'publishing', 'published', 'refused', 'failed', 'unconfirmed', 'cancelled');

-- CreateEnum
CREATE TYPE "AttemptOutcome" AS ENUM ('started', 'published', 'refused', 'failed', 'unconfirmed');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkspaceSnapshot" (
    "id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkspaceSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "drafterMode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Draft" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "slotKey" TEXT NOT NULL,
    "kind" "DraftKind" NOT NULL,
    "contentType" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "groupId" TEXT,
    "campaignId" TEXT,
    "topic" TEXT NOT NULL,
    "slotAt" TIMESTAMP(3) NOT NULL,
    "parentSlotKey" TEXT,
    "status" "DraftStatus" NOT NULL,
    "failureReason" TEXT,
    "approvedRevisionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftRevision" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "card" JSONB,
    "source" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceCheck" (
    "id" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "purpose" "CheckPurpose" NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "rulePackVersion" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplianceCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "match" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "explanation" TEXT,
    "suggestion" TEXT,
    "rulePackVersion" TEXT NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "action" "DecisionAction" NOT NULL,
    "reason" TEXT,
    "findingId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarEntry" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "publishAt" TIMESTAMP(3) NOT NULL,
    "status" "EntryStatus" NOT NULL,
    "jobId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishAttempt" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "workerId" TEXT NOT NULL,
    "outcome" "AttemptOutcome" NOT NULL,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PublishAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishReceipt" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "location" TEXT,
    "payloadHash" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublishReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_handle_key" ON "User"("handle");

-- CreateIndex
CREATE UNIQUE INDEX "WorkspaceSnapshot_hash_key" ON "WorkspaceSnapshot"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "Draft_slotKey_key" ON "Draft"("slotKey");

-- CreateIndex
CREATE INDEX "Draft_status_idx" ON "Draft"("status");

-- CreateIndex
CREATE INDEX "Draft_slotAt_idx" ON "Draft"("slotAt");

-- CreateIndex
CREATE UNIQUE INDEX "DraftRevision_draftId_number_key" ON "DraftRevision"("draftId", "number");

-- CreateIndex
CREATE INDEX "ComplianceCheck_revisionId_idx" ON "ComplianceCheck"("revisionId");

-- CreateIndex
CREATE INDEX "Finding_checkId_idx" ON "Finding"("checkId");

-- CreateIndex
CREATE INDEX "ReviewDecision_draftId_idx" ON "ReviewDecision"("draftId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarEntry_draftId_key" ON "CalendarEntry"("draftId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarEntry_jobId_key" ON "CalendarEntry"("jobId");

-- CreateIndex
CREATE INDEX "CalendarEntry_status_publishAt_idx" ON "CalendarEntry"("status", "publishAt");

-- CreateIndex
CREATE UNIQUE INDEX "PublishAttempt_entryId_number_key" ON "PublishAttempt"("entryId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "PublishReceipt_entryId_key" ON "PublishReceipt"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "PublishReceipt_attemptId_key" ON "PublishReceipt"("attemptId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "WorkspaceSnapshot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftRevision" ADD CONSTRAINT "DraftRevision_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftRevision" ADD CONSTRAINT "DraftRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceCheck" ADD CONSTRAINT "ComplianceCheck_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "DraftRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "ComplianceCheck"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "DraftRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarEntry" ADD CONSTRAINT "CalendarEntry_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarEntry" ADD CONSTRAINT "CalendarEntry_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "DraftRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishAttempt" ADD CONSTRAINT "PublishAttempt_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "CalendarEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishReceipt" ADD CONSTRAINT "PublishReceipt_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "CalendarEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishReceipt" ADD CONSTRAINT "PublishReceipt_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "PublishAttempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
