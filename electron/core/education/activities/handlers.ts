import { activitiesContract } from '../../../../shared/education/activities/contract';
import { defineHandlers } from '../../kernel/handlers';

export const activitiesHandlers = defineHandlers(activitiesContract, {});
